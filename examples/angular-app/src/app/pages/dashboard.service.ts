// Loads a dashboard's three calls at once with gather: typed, cancelled together when the
// subscriber leaves (the page is left), and counted for a progress bar.
import { HttpClient } from '@angular/common/http';
import { inject, Injectable } from '@angular/core';
import type { Observer } from 'rxjs';
import type { Progress } from 'rxjs-asyncer';
import { gather } from 'rxjs-asyncer/operators';

export interface Profile {
  readonly name: string;
}
export interface Order {
  readonly id: number;
}

@Injectable({ providedIn: 'root' })
export class DashboardService {
  private readonly http = inject(HttpClient);

  /** The three responses at once, as one emission; `progress` is told as each arrives. */
  load(progress: Partial<Observer<Progress>>) {
    return gather(
      {
        profile: () => this.http.get<Profile>('/api/profile'),
        orders: () => this.http.get<Order[]>('/api/orders'),
        recommendations: () => this.http.get<string[]>('/api/recommendations'),
      },
      { progress },
    );
  }
}
