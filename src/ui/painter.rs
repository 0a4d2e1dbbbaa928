//! Draws egui's output into Bevy's window with OpenGL, and saves screenshots.
//!
//! Bevy owns the window and its input (`bevy_winit`) and `bevy_egui` runs
//! the egui passes, but Bevy's own renderer (wgpu) is not built: it was most
//! of a fresh build's time. Instead a glutin OpenGL context is made on the
//! window (EGL on Linux, WGL on Windows, CGL on macOS) and egui's own painter,
//! `egui_glow`, draws each frame. No GPU is needed: Mesa's software OpenGL
//! (llvmpipe) is enough, which is how the window test runs under Xvfb.
//!
//! `bevy_egui` places its context on a camera and sizes egui's screen from
//! the camera's render target, which Bevy's renderer would compute;
//! [`size_cameras_to_windows`] does that here.

use std::ffi::CStr;
use std::num::NonZeroU32;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use bevy::camera::{Camera, RenderTarget, RenderTargetInfo};
use bevy::prelude::*;
use bevy::window::{PrimaryWindow, RawHandleWrapper, RequestRedraw};
use bevy_egui::{EguiOutput, EguiPostUpdateSet, EguiPreUpdateSet, EguiRenderOutput, egui};
use egui_glow::glow;
use glutin::config::{Config, ConfigTemplateBuilder, GlConfig};
use glutin::context::{
    ContextApi, ContextAttributesBuilder, NotCurrentGlContext, PossiblyCurrentContext,
};
use glutin::display::{Display, DisplayApiPreference, GlDisplay};
use glutin::prelude::GlSurface;
use glutin::surface::{Surface, SurfaceAttributesBuilder, SwapInterval, WindowSurface};
use raw_window_handle::RawWindowHandle;

use super::theme;

pub(super) fn plugin(app: &mut App) {
    app.init_non_send::<GlPainter>()
        .init_resource::<ScreenshotQueue>()
        .add_systems(
            PreUpdate,
            size_cameras_to_windows.before(EguiPreUpdateSet::InitContexts),
        )
        .add_systems(PostUpdate, paint.after(EguiPostUpdateSet::ProcessOutput));
}

/// Screenshots asked for: each is saved as PNG after the next painted frame,
/// then its flag is set (whether or not saving succeeded; failures are
/// logged).
#[derive(Resource, Default)]
pub struct ScreenshotQueue(Vec<(PathBuf, Arc<AtomicBool>)>);

impl ScreenshotQueue {
    /// Asks for a screenshot of the window; the returned flag turns true
    /// once it has been written.
    pub fn request(&mut self, path: PathBuf) -> Arc<AtomicBool> {
        let done = Arc::new(AtomicBool::new(false));
        self.0.push((path, done.clone()));
        done
    }
}

/// What the renderer would do for cameras: record the window's size and
/// scale factor as the camera's render target, which `bevy_egui` reads.
fn size_cameras_to_windows(
    primary: Query<&Window, With<PrimaryWindow>>,
    windows: Query<&Window>,
    mut cameras: Query<(&mut Camera, &RenderTarget)>,
) {
    for (mut camera, target) in &mut cameras {
        let RenderTarget::Window(window_ref) = target else {
            continue;
        };
        let window = match window_ref {
            bevy::window::WindowRef::Primary => primary.single().ok(),
            bevy::window::WindowRef::Entity(e) => windows.get(*e).ok(),
        };
        let Some(window) = window else {
            continue;
        };
        let info = RenderTargetInfo {
            physical_size: window.physical_size(),
            scale_factor: window.scale_factor(),
        };
        let unchanged = camera.computed.target_info.as_ref().is_some_and(|old| {
            old.physical_size == info.physical_size && old.scale_factor == info.scale_factor
        });
        if !unchanged {
            camera.computed.target_info = Some(info);
        }
    }
}

/// The OpenGL state, made on the first frame the window exists. Not `Send`:
/// a GL context belongs to the thread that made it current (the main one).
#[derive(Default)]
pub struct GlPainter {
    gl: Option<GlWindow>,
    /// Texture changes not yet given to the painter (kept if a frame is
    /// skipped, so the font atlas is never lost).
    pending_textures: egui::TexturesDelta,
    /// The last frame's shapes, repainted when a screenshot is asked for
    /// between egui passes.
    last_jobs: Vec<egui::epaint::ClippedPrimitive>,
    last_pixels_per_point: f32,
    /// Set once creating the context failed, so the error is logged once.
    failed: bool,
}

struct GlWindow {
    context: PossiblyCurrentContext,
    surface: Surface<WindowSurface>,
    painter: egui_glow::Painter,
    size: [u32; 2],
}

impl Drop for GlWindow {
    fn drop(&mut self) {
        self.painter.destroy();
    }
}

fn paint(
    mut state: NonSendMut<GlPainter>,
    mut queue: ResMut<ScreenshotQueue>,
    window: Query<(&Window, Option<&RawHandleWrapper>), With<PrimaryWindow>>,
    mut outputs: Query<(&mut EguiRenderOutput, &EguiOutput)>,
    mut exit: MessageWriter<AppExit>,
    mut redraw: MessageWriter<RequestRedraw>,
) {
    let state = &mut *state;
    let mut new_frame = false;
    for (mut render, output) in &mut outputs {
        // egui lays out a new window or menu in a first, invisible pass and
        // asks for another: without it a window opened by a key would only
        // appear at the next input.
        if output.platform_output.requested_discard() {
            redraw.write(RequestRedraw);
        }
        let delta = std::mem::take(&mut render.textures_delta);
        state.pending_textures.append(delta);
        if !render.paint_jobs.is_empty() {
            state.last_jobs = std::mem::take(&mut render.paint_jobs);
            state.last_pixels_per_point = output.pixels_per_point;
            new_frame = true;
        }
    }
    if !new_frame && queue.0.is_empty() {
        return;
    }
    let Ok((window, Some(handles))) = window.single() else {
        return;
    };
    let size = [window.physical_width(), window.physical_height()];
    if size[0] == 0 || size[1] == 0 || state.failed {
        return;
    }
    if state.gl.is_none() {
        match GlWindow::new(handles, size) {
            Ok(gl) => state.gl = Some(gl),
            Err(e) => {
                error!("cannot draw the window with OpenGL: {e}");
                state.failed = true;
                exit.write(AppExit::error());
                return;
            }
        }
    }
    let GlPainter {
        gl: Some(gl),
        pending_textures,
        last_jobs,
        last_pixels_per_point,
        ..
    } = state
    else {
        return;
    };
    gl.resize(size);
    gl.painter
        .clear(size, theme::BACKGROUND.to_normalized_gamma_f32());
    gl.painter
        .paint_and_update_textures(size, *last_pixels_per_point, last_jobs, pending_textures);
    *pending_textures = egui::TexturesDelta::default();
    for (path, done) in queue.0.drain(..) {
        let image = gl.painter.read_screen_rgba(size);
        if let Err(e) = save_png(&path, &image) {
            error!("cannot save the screenshot {}: {e}", path.display());
        } else {
            info!("screenshot saved to {}", path.display());
        }
        done.store(true, Ordering::SeqCst);
    }
    if let Err(e) = gl.surface.swap_buffers(&gl.context) {
        warn!("OpenGL swap failed: {e}");
    }
}

impl GlWindow {
    fn new(handles: &RawHandleWrapper, size: [u32; 2]) -> Result<Self, String> {
        let window_handle = handles.get_window_handle();
        let display_handle = handles.get_display_handle();
        // SAFETY: the handles come from the live primary window, which
        // outlives this painter (it is dropped with the app).
        let display = unsafe { Display::new(display_handle, preference(window_handle)) }
            .map_err(|e| format!("no OpenGL display: {e}"))?;
        let config = choose_config(&display, window_handle)?;
        let context = create_context(&display, &config, window_handle)?;
        let attributes = SurfaceAttributesBuilder::<WindowSurface>::new().build(
            window_handle,
            non_zero(size[0]),
            non_zero(size[1]),
        );
        // SAFETY: as above, the window handle is valid.
        let surface = unsafe { display.create_window_surface(&config, &attributes) }
            .map_err(|e| format!("no OpenGL surface on the window: {e}"))?;
        let context = context
            .make_current(&surface)
            .map_err(|e| format!("cannot use the OpenGL context: {e}"))?;
        // The window redraws only on input or game activity, so waiting for
        // the display's refresh gains nothing and can stall a virtual one.
        let _ = surface.set_swap_interval(&context, SwapInterval::DontWait);
        // SAFETY: the context is current on this thread, and the loader
        // returns functions of that context.
        let gl = unsafe {
            glow::Context::from_loader_function_cstr(|name: &CStr| display.get_proc_address(name))
        };
        let painter = egui_glow::Painter::new(Arc::new(gl), "", None, false)
            .map_err(|e| format!("egui's OpenGL painter failed to start: {e}"))?;
        Ok(GlWindow {
            context,
            surface,
            painter,
            size,
        })
    }

    fn resize(&mut self, size: [u32; 2]) {
        if size != self.size {
            self.surface
                .resize(&self.context, non_zero(size[0]), non_zero(size[1]));
            self.size = size;
        }
    }
}

fn non_zero(n: u32) -> NonZeroU32 {
    NonZeroU32::new(n).unwrap_or(NonZeroU32::MIN)
}

#[cfg(target_os = "windows")]
fn preference(window: RawWindowHandle) -> DisplayApiPreference {
    DisplayApiPreference::WglThenEgl(Some(window))
}

#[cfg(target_os = "macos")]
fn preference(_window: RawWindowHandle) -> DisplayApiPreference {
    DisplayApiPreference::Cgl
}

#[cfg(not(any(target_os = "windows", target_os = "macos")))]
fn preference(_window: RawWindowHandle) -> DisplayApiPreference {
    DisplayApiPreference::Egl
}

/// An opaque colour buffer: Bevy's window is opaque, and on X11 a config
/// with alpha may not match the window's visual.
fn choose_config(display: &Display, window: RawWindowHandle) -> Result<Config, String> {
    let template = ConfigTemplateBuilder::new()
        .compatible_with_native_window(window)
        .build();
    // SAFETY: the window handle is valid (see `GlWindow::new`).
    let configs = unsafe { display.find_configs(template) }
        .map_err(|e| format!("no OpenGL configuration: {e}"))?;
    configs
        .min_by_key(|c| {
            (
                c.alpha_size() != 0,
                c.num_samples(),
                !c.hardware_accelerated(),
            )
        })
        .ok_or_else(|| "no OpenGL configuration fits the window".to_string())
}

/// Desktop OpenGL if the driver has it, else OpenGL ES (egui_glow runs on
/// both).
fn create_context(
    display: &Display,
    config: &Config,
    window: RawWindowHandle,
) -> Result<glutin::context::NotCurrentContext, String> {
    let desktop = ContextAttributesBuilder::new().build(Some(window));
    let gles = ContextAttributesBuilder::new()
        .with_context_api(ContextApi::Gles(None))
        .build(Some(window));
    // SAFETY: the window handle is valid (see `GlWindow::new`).
    unsafe {
        display
            .create_context(config, &desktop)
            .or_else(|_| display.create_context(config, &gles))
    }
    .map_err(|e| format!("no OpenGL context: {e}"))
}

fn save_png(path: &std::path::Path, image: &egui::ColorImage) -> Result<(), String> {
    let file = std::fs::File::create(path).map_err(|e| e.to_string())?;
    let mut encoder = png::Encoder::new(
        std::io::BufWriter::new(file),
        image.size[0] as u32,
        image.size[1] as u32,
    );
    encoder.set_color(png::ColorType::Rgba);
    encoder.set_depth(png::BitDepth::Eight);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer
        .write_image_data(image.as_raw())
        .map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())
}
