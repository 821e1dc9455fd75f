// A bulk action: archive 24 items, each a request. mapConcurrent keeps 6 in flight; the app's
// limitRequests interceptor (app.config.ts) lets at most 3 requests of the whole app be open at
// once, so the server never sees more than 3. A progress bar follows; leaving the page aborts the
// requests open and the ones waiting for a slot never start.
import { HttpClient } from '@angular/common/http';
import { Component, DestroyRef, inject, signal } from '@angular/core';
import { range, type Subscription } from 'rxjs';
import { progressSignal } from 'rxjs-asyncer/angular';
import { mapConcurrent } from 'rxjs-asyncer/operators';

@Component({
  selector: 'app-bulk-archive',
  template: `
    <button class="archive" (click)="archiveAll()" [disabled]="progress().running + progress().queued > 0">Archive 24 items</button>
    <progress class="bar" [value]="progress().fulfilled" [max]="progress().total || 1"></progress>
    <p class="status">{{ progress().fulfilled }} of {{ progress().total }} archived</p>
    <p class="done">{{ archived().length === 24 ? 'all archived' : '' }}</p>
  `,
})
export class BulkArchiveComponent {
  private readonly http = inject(HttpClient);
  readonly progress = progressSignal();
  readonly archived = signal<number[]>([]);
  private run: Subscription | undefined;

  archiveAll(): void {
    this.run?.unsubscribe();
    this.archived.set([]);
    this.run = range(1, 24)
      .pipe(mapConcurrent((id) => this.http.post<{ id: number }>(`/api/items/${id}/archive`, {}), { concurrency: 6, progress: this.progress }))
      .subscribe((item) => this.archived.update((ids) => [...ids, item.id]));
  }

  constructor() {
    // leaving the page cancels the bulk action: open requests aborted, queued ones never sent
    inject(DestroyRef).onDestroy(() => this.run?.unsubscribe());
  }
}
