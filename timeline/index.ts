/**
 * Record what a group or scope ran, and draw it as text or SVG.
 *
 * @module rxjs-asyncer/timeline
 */
// rxjs-asyncer/timeline: see what ran when. Flat named re-exports; test/exports.test.ts pins them.

// Recording
export { recordTimeline } from './recordTimeline.js';
export type { TimelineRecording } from './types/TimelineRecording.js';
export type { Timeline } from './types/Timeline.js';
export type { TimelineTask } from './types/TimelineTask.js';

// Drawing
export { renderTimeline } from './renderTimeline.js';
export type { RenderTimelineOptions } from './types/RenderTimelineOptions.js';
