// A standalone component whose dashboard loads in a task group tied to its lifetime: leave the
// page and every open request is cancelled. The template reads signals, so it works zoneless and
// with zone.js alike.
import { Component, computed, inject } from '@angular/core';
import { injectTaskGroup, joinInBackground, progressSignal, soonSignal } from 'rxjs-asyncer/angular';
import { DashboardService } from './dashboard.service';

@Component({
  selector: 'app-dashboard',
  template: `
    <p class="progress">{{ progress().fulfilled }} of {{ progress().total }} loaded</p>
    @switch (profile().status) {
      @case ('fulfilled') { <h1>{{ name() }}</h1> }
      @case ('pending') { <h1>Loading...</h1> }
      @default { <h1>Could not load the profile</h1> }
    }
    <p class="orders">{{ orderCount() }} orders</p>
  `,
})
export class DashboardComponent {
  private readonly tg = injectTaskGroup({ name: 'dashboard', timeout: 10_000 });
  private readonly data = inject(DashboardService).load(this.tg);

  readonly progress = progressSignal(this.tg);
  readonly profile = soonSignal(this.data.profile);
  readonly orders = soonSignal(this.data.orders);
  readonly name = computed(() => {
    const state = this.profile();
    return state.status === 'fulfilled' ? state.value.name : '';
  });
  readonly orderCount = computed(() => {
    const state = this.orders();
    return state.status === 'fulfilled' ? state.value.length : 0;
  });

  constructor() {
    // nothing else will join this group: close it once its three tasks are done (its destroy
    // listener goes away with it), and report a failure or a timeout to Angular's ErrorHandler
    joinInBackground(this.tg);
  }
}
