/** Options of {@link renderTimeline}. */
export interface RenderTimelineOptions {
  /**
   * `'text'`: one row per task for a terminal (Unicode block characters). `'svg'`: the same
   * picture as a self-contained SVG document, with a time axis.
   */
  readonly format: 'text' | 'svg';
  /**
   * The width: columns for text (at least 40), pixels for SVG (at least 300).
   * @default 80 for text, 800 for SVG
   */
  readonly width?: number;
}
