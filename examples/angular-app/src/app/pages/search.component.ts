// A typeahead: each keystroke supersedes the search before it, and mapLatest cancels that
// search's request (HttpClient aborts it when unsubscribed). Leaving the page cancels the one in
// flight (toSignal unsubscribes on destroy). Add debounceTime(150) before mapLatest to wait for a
// pause in typing; it is left out here so that every keystroke shows.
import { HttpClient } from '@angular/common/http';
import { Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { Subject } from 'rxjs';
import { mapLatest } from 'rxjs-asyncer/operators';

@Component({
  selector: 'app-search',
  template: `
    <input class="query" placeholder="Search" (input)="query.next($any($event.target).value)" />
    <ul class="results">
      @for (result of results(); track result) { <li>{{ result }}</li> }
    </ul>
  `,
})
export class SearchComponent {
  private readonly http = inject(HttpClient);
  readonly query = new Subject<string>();
  readonly results = toSignal(this.query.pipe(mapLatest((q) => this.http.get<string[]>('/api/search', { params: { q } }))), {
    initialValue: [] as string[],
  });
}
