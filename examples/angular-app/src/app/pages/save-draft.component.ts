// A "Save" button: clicks that come while a save is in flight are ignored (mapExhaust), so five
// quick clicks send one request; a click after it finished saves again. Leaving the page cancels
// the save in flight.
import { HttpClient } from '@angular/common/http';
import { Component, inject, signal } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Subject } from 'rxjs';
import { mapExhaust } from 'rxjs-asyncer/operators';

@Component({
  selector: 'app-save-draft',
  template: `
    <textarea class="draft" (input)="draft.set($any($event.target).value)"></textarea>
    <button class="save" (click)="save.next()">Save</button>
    <p class="saved">{{ saved() ? 'saved version ' + saved()!.version : 'not saved yet' }}</p>
  `,
})
export class SaveDraftComponent {
  private readonly http = inject(HttpClient);
  readonly draft = signal('');
  readonly save = new Subject<void>();
  readonly saved = toSignal(this.save.pipe(mapExhaust(() => this.http.put<{ version: number }>('/api/draft', { text: this.draft() }))));
}
