/**
 * Whether WebGL starts here at all, and whether it runs on the CPU (SwiftShader, llvmpipe, WARP…),
 * where every pixel and every multisample costs CPU time: the 3-D view then draws without
 * antialiasing at 1 px per CSS px.
 */

const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver|warp/i;

/** @example isSoftwareRendererName('ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero)))') // true */
export function isSoftwareRendererName(name: string): boolean {
  return SOFTWARE_RENDERER.test(name);
}

export interface WebGLProbe {
  /** A WebGL context could be made (on the page). */
  available: boolean;
  /** It renders on the CPU (false when that cannot be told). */
  software: boolean;
}

/** Asks a throwaway context of the page; `available` false when none can be made. */
export function probeWebGL(): WebGLProbe {
  try {
    const canvas = document.createElement('canvas');
    const gl = (canvas.getContext('webgl2') ?? canvas.getContext('webgl')) as WebGLRenderingContext | null;
    if (!gl || typeof gl.getParameter !== 'function') return { available: false, software: false };
    const info = gl.getExtension('WEBGL_debug_renderer_info');
    const name = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return { available: true, software: isSoftwareRendererName(name) };
  } catch {
    return { available: false, software: false };
  }
}

/** Whether the page's WebGL runs on the CPU; false when that cannot be told (or no WebGL). */
export function probeSoftwareWebGL(): boolean {
  return probeWebGL().software;
}
