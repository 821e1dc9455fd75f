import { provideHttpClient, withInterceptors } from '@angular/common/http';
import { type ApplicationConfig, provideBrowserGlobalErrorListeners } from '@angular/core';
import { provideRouter } from '@angular/router';
import { createLimiter } from 'rxjs-asyncer';
import { limitRequests } from 'rxjs-asyncer/angular';
import { routes } from './app.routes';

/** At most 3 API requests of the whole app open at once; the others wait, abortable, in order. */
const api = createLimiter(3);

export const appConfig: ApplicationConfig = {
  providers: [
    provideBrowserGlobalErrorListeners(),
    provideRouter(routes),
    provideHttpClient(withInterceptors([limitRequests(api, (request) => request.url.startsWith('/api/'))])),
  ],
};
