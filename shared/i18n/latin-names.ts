/**
 * Latin words allowed on the Chinese screen (issue 14): names, file formats, units and symbols of
 * the chapter that stay the same in both languages (a symbol joined by underscores, p_model, is
 * one word). The catalog test and the e2e scan of the Chinese screen share this list.
 */
export const LATIN_NAMES: ReadonlySet<string> = new Set(
  (
    'Latent Atlas tfjs wasm PNG SVG GIF WebM CSV JSON MSE NMSE KL MIG SAP DCI kNN VAE AE PCA ELBO ICU ' +
    'Spearman R z x f g px MB KB fps p_data p_model X_train log EM Scott Shift Adam NaN WebGL GPU ' +
    'viridis disentanglement_lib Eastwood Williams Markdown English'
  ).split(' '),
);

/** The Latin words of `text` that are not names (LATIN_NAMES). */
export function foreignWords(text: string): string[] {
  // Why lower case too: a heading in small capitals (text-transform) reads P_DATA for p_data.
  return (text.match(/[A-Za-z_]*[A-Za-z]{2,}[A-Za-z_]*/g) ?? []).filter(
    (w) => !LATIN_NAMES.has(w) && !LATIN_NAMES.has(w.toLowerCase()),
  );
}
