import { expectError, expectType } from 'tsd';
import { createTaskGroup } from 'rxjs-asyncer';
import { recordTimeline, renderTimeline, type Timeline, type TimelineRecording } from 'rxjs-asyncer/timeline';
import { gather } from 'rxjs-asyncer/operators';
import type { Progress } from 'rxjs-asyncer';

const recording = recordTimeline(createTaskGroup());
expectType<TimelineRecording>(recording);
expectType<Timeline>(recording.stop());
expectType<string>(renderTimeline(recording.stop(), { format: 'text', width: 80 }));
expectType<string>(renderTimeline(recording.stop(), { format: 'svg' }));
expectError(renderTimeline(recording.stop(), { format: 'png' }));
expectError(renderTimeline(recording.stop()));
expectError(recordTimeline(42));

// the operators' progress option: a callback or an Observer
gather([async () => 1], { progress: (p) => expectType<Progress>(p) });
gather([async () => 1], { progress: { next: (p: Progress) => void p, complete: () => undefined } });
expectError(gather([async () => 1], { progress: 5 }));
