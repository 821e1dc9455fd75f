import type { Routes } from '@angular/router';
import { BulkArchiveComponent } from './pages/bulk-archive.component';
import { DashboardComponent } from './pages/dashboard.component';
import { SaveDraftComponent } from './pages/save-draft.component';
import { SearchComponent } from './pages/search.component';

// Leaving a route destroys its component: what it started (a gather, a mapConcurrent run, a
// search) is cancelled, and its open requests are aborted.
export const routes: Routes = [
  { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
  { path: 'dashboard', component: DashboardComponent },
  { path: 'bulk', component: BulkArchiveComponent },
  { path: 'search', component: SearchComponent },
  { path: 'save', component: SaveDraftComponent },
];
