import { provideHttpClient } from '@angular/common/http';
import { HttpTestingController, provideHttpClientTesting } from '@angular/common/http/testing';
import { TestBed } from '@angular/core/testing';
import { SaveDraftComponent } from './examples/save-draft.component';
import { SearchComponent } from './examples/search.component';
import { flush } from './helpers';

describe('mapLatest and mapExhaust in components', () => {
  let http: HttpTestingController;
  beforeEach(() => {
    TestBed.configureTestingModule({ providers: [provideHttpClient(), provideHttpClientTesting()] });
    http = TestBed.inject(HttpTestingController);
  });
  afterEach(() => http.verify());

  const type = (element: HTMLElement, selector: string, value: string): void => {
    const input = element.querySelector(selector) as HTMLInputElement;
    input.value = value;
    input.dispatchEvent(new Event('input'));
  };

  it('a typeahead: each keystroke cancels the request before it; only the latest renders', async () => {
    const fixture = TestBed.createComponent(SearchComponent);
    fixture.autoDetectChanges();
    const element = fixture.nativeElement as HTMLElement;
    type(element, '.query', 'a');
    const first = http.expectOne('/api/search?q=a');
    type(element, '.query', 'an');
    expect(first.cancelled).toBe(true);
    const second = http.expectOne('/api/search?q=an');
    second.flush(['angular', 'anyio']);
    await fixture.whenStable();
    expect(Array.from(element.querySelectorAll('.results li')).map((li) => li.textContent)).toEqual(['angular', 'anyio']);
  });

  it('a typeahead: leaving the page cancels the search in flight', async () => {
    const fixture = TestBed.createComponent(SearchComponent);
    fixture.autoDetectChanges();
    type(fixture.nativeElement as HTMLElement, '.query', 'rx');
    const request = http.expectOne('/api/search?q=rx');
    fixture.destroy();
    expect(request.cancelled).toBe(true);
  });

  it('a Save button pressed five times sends one request; a click after it finished saves again', async () => {
    const fixture = TestBed.createComponent(SaveDraftComponent);
    fixture.autoDetectChanges();
    const element = fixture.nativeElement as HTMLElement;
    type(element, '.draft', 'hello');
    const button = element.querySelector('.save') as HTMLButtonElement;
    for (let i = 0; i < 5; i++) button.click();
    const save = http.expectOne({ method: 'PUT', url: '/api/draft' });
    expect(save.request.body).toEqual({ text: 'hello' });
    save.flush({ version: 1 });
    await fixture.whenStable();
    expect(element.querySelector('.saved')!.textContent).toBe('saved version 1');
    button.click();
    http.expectOne({ method: 'PUT', url: '/api/draft' }).flush({ version: 2 });
    await flush();
    await fixture.whenStable();
    expect(element.querySelector('.saved')!.textContent).toBe('saved version 2');
  });
});
