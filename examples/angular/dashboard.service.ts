// A service that loads a dashboard in one task group: three requests at once, typed, cancelled
// together. Used by dashboard.component.ts; type-checked and run by test/angular's specs.
import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { TaskGroup } from 'rxjs-asyncer';

export interface Profile {
  readonly name: string;
}
export interface Order {
  readonly id: number;
}

@Injectable({ providedIn: 'root' })
export class DashboardService {
  private readonly http = inject(HttpClient);

  /** Starts the three requests in `tg`; each SoonValue resolves with its response. */
  load(tg: TaskGroup) {
    return {
      profile: tg.startSoon(() => this.http.get<Profile>('/api/profile')),
      orders: tg.startSoon(() => this.http.get<Order[]>('/api/orders')),
      recommendations: tg.startSoon(() => this.http.get<string[]>('/api/recommendations')),
    };
  }
}
