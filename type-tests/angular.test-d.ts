import { expectAssignable, expectError, expectType } from 'tsd';
import type { HttpInterceptorFn, HttpRequest } from '@angular/common/http';
import type { Injector, ResourceRef, Signal } from '@angular/core';
import { createLimiter, type LimiterState, type Progress, type Scope, type SoonValue, type TaskGroup } from 'rxjs-asyncer';
import { injectScope, injectTaskGroup, joinInBackground, limitRequests, progressSignal, soonSignal, taskGroupResource, type SoonState } from 'rxjs-asyncer/angular';

declare const injector: Injector;
declare function loadUser(id: string): Promise<{ name: string }>;
declare function loadPosts(id: string): Promise<string[]>;

expectType<TaskGroup>(injectTaskGroup({ timeout: 1000, injector }));
expectType<Scope>(injectScope({ name: 'x', onError: () => undefined }));
expectError(injectTaskGroup({ timeout: '1s' }));
expectError(injectScope({ injector: 42 }));

// soonSignal keeps the task's value type, in a union on status
declare const user: SoonValue<{ name: string }>;
const state = soonSignal(user);
expectType<Signal<SoonState<{ name: string }>>>(state);
const now = state();
if (now.status === 'fulfilled') expectType<{ name: string }>(now.value);
if (now.status === 'failed') expectType<unknown>(now.error);
// @ts-expect-error a pending state has no value
now.value;

// progressSignal: Progress for groups and scopes, LimiterState for limiters
declare const tg: TaskGroup;
expectType<Signal<Progress>>(progressSignal(tg));
expectType<Signal<LimiterState>>(progressSignal(createLimiter(2)));
expectError(progressSignal(42));

// taskGroupResource: the params type reaches the body, without undefined; the value is Resolved
const page = taskGroupResource({
  params: (): string | undefined => 'ada',
  body: (group, id) => {
    expectType<string>(id);
    return [group.startSoon(loadUser, id), group.startSoon(loadPosts, id)];
  },
});
expectAssignable<ResourceRef<[{ name: string }, string[]] | undefined>>(page);
expectType<[{ name: string }, string[]] | undefined>(page.value());
expectType<Signal<Progress>>(page.progress);
const once = taskGroupResource({ body: (group, params) => (expectType<true>(params), { user: group.startSoon(loadUser, 'a') }) });
expectType<{ user: { name: string } } | undefined>(once.value());
expectError(taskGroupResource({ body: 42 }));

// limitRequests gives a functional interceptor
expectType<HttpInterceptorFn>(limitRequests(createLimiter(3)));
expectType<HttpInterceptorFn>(limitRequests(createLimiter(3), (req: HttpRequest<unknown>) => req.url.startsWith('/api/')));
expectError(limitRequests(createLimiter(3), 'api'));

// soonSignal as toSignal: manualCleanup needs no injection context
expectType<Signal<SoonState<{ name: string }>>>(soonSignal(user, { manualCleanup: true }));
expectError(soonSignal(user, { manualCleanup: 'yes' }));
// joinInBackground takes a group or a scope, and nothing else
expectType<void>(joinInBackground(injectTaskGroup({ injector }), { injector }));
expectType<void>(joinInBackground(injectScope({ injector })));
expectError(joinInBackground(createLimiter(1)));
// progressSignal() without a source: a Signal<Progress> an operator's progress option takes
const opProgress = progressSignal();
expectAssignable<Signal<Progress>>(opProgress);
expectType<void>(opProgress.next({ total: 0, queued: 0, running: 0, fulfilled: 0, failed: 0, cancelled: 0 }));
