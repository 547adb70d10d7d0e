// Angular: CUSTOM_ELEMENTS_SCHEMA lets the template use the element; `[record]` sets a property,
// `(isc-navigate)` listens, and `$event` is typed from the package's event map.
import { Component, computed, CUSTOM_ELEMENTS_SCHEMA, signal } from '@angular/core';
import type { IscLoadDetail, IscNavigateDetail } from 'integration-sync-card';
import { provider } from './sync-data';

@Component({
  selector: 'app-root',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <main>
      <button (click)="objectId.set('43')">Show company 43</button>
      <integration-sync-card
        [record]="record()"
        [provider]="provider"
        theme="light"
        (isc-load)="handleLoad($event)"
        (isc-navigate)="handleNavigate($event)"
      ></integration-sync-card>
      <p id="loaded">{{ loaded() }}</p>
      <p id="opened">{{ opened() }}</p>
    </main>
  `,
})
export class AppComponent {
  protected readonly provider = provider;
  protected readonly objectId = signal('42');
  protected readonly record = computed(() => ({ objectType: 'company', objectId: this.objectId() }));
  protected readonly loaded = signal('');
  protected readonly opened = signal('');

  protected handleLoad(event: CustomEvent<IscLoadDetail>): void {
    this.loaded.set(`Loaded ${event.detail.record.objectType} ${event.detail.record.objectId}`);
  }

  protected handleNavigate(event: CustomEvent<IscNavigateDetail>): void {
    event.preventDefault(); // open it in the app instead
    this.opened.set(event.detail.url);
  }
}
