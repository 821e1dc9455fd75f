// A dashboard: three calls with gather, a progress line while they load, and every open request
// cancelled when the page is left (toSignal unsubscribes on destroy). The template reads
// signals, so it works zoneless and with zone.js alike.
import { Component, inject } from '@angular/core';
import { toSignal } from '@angular/core/rxjs-interop';
import { progressSignal } from 'rxjs-asyncer/angular';
import { DashboardService } from './dashboard.service';

@Component({
  selector: 'app-dashboard',
  template: `
    <p class="progress">{{ progress().fulfilled }} of {{ progress().total }} loaded</p>
    @if (data(); as data) {
      <h1 class="name">{{ data.profile.name }}</h1>
      <p class="orders">{{ data.orders.length }} orders</p>
      <ul class="recommendations">
        @for (item of data.recommendations; track item) { <li>{{ item }}</li> }
      </ul>
    } @else {
      <h1>Loading...</h1>
    }
  `,
})
export class DashboardComponent {
  /** a Progress signal that is also the Observer gather's `progress` option takes */
  readonly progress = progressSignal();
  readonly data = toSignal(inject(DashboardService).load(this.progress));
}
