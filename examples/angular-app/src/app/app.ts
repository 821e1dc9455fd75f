import { Component } from '@angular/core';
import { RouterLink, RouterLinkActive, RouterOutlet } from '@angular/router';

@Component({
  selector: 'app-root',
  imports: [RouterOutlet, RouterLink, RouterLinkActive],
  template: `
    <nav>
      <a class="dashboard" routerLink="/dashboard" routerLinkActive="active">Dashboard</a>
      <a class="bulk" routerLink="/bulk" routerLinkActive="active">Bulk archive</a>
      <a class="search" routerLink="/search" routerLinkActive="active">Search</a>
      <a class="save" routerLink="/save" routerLinkActive="active">Save a draft</a>
    </nav>
    <main><router-outlet /></main>
  `,
})
export class App {}
