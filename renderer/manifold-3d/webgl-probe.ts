/**
 * Whether WebGL here runs on the CPU (SwiftShader, llvmpipe, WARP…), where every pixel and every
 * multisample costs main-thread time: the 3-D view then draws without antialiasing at 1 px per CSS px.
 */

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver|warp/i;

/** @example isSoftwareRendererName('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))') // true */
export function isSoftwareRendererName(name: string): boolean {
  return SOFTWARE_RENDERER.test(name);
}

/** Asks a throwaway context for the renderer's name; false when that cannot be told (or no WebGL). */
export function probeSoftwareWebGL(): boolean {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl || typeof gl.getParameter !== 'function') return false;
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return isSoftwareRendererName(name);
  } catch {
    return false;
  }
}
