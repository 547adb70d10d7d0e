// The mistake Angular's template type check catches: `npm run check:frameworks` type-checks this
// file on its own (tsconfig.errors.json) and expects an error on the line marked by handleLoad.
// (Under CUSTOM_ELEMENTS_SCHEMA Angular does not type-check an element's property bindings: a
// wrong theme or record passes; only events are typed, from the event map.)
import { Component, CUSTOM_ELEMENTS_SCHEMA } from '@angular/core';
import type { IscLoadDetail } from 'integration-sync-card';

@Component({
  selector: 'app-mistakes',
  schemas: [CUSTOM_ELEMENTS_SCHEMA],
  template: `
    <integration-sync-card (isc-navigate)="handleLoad($event)"></integration-sync-card>
  `,
})
export class MistakesComponent {
  protected handleLoad(event: CustomEvent<IscLoadDetail>): void {
    console.log(event.detail.response);
  }
}
