// Vue 3: tell the template compiler the tag is a custom element, pass objects as DOM
// properties (`.prop`, or `:record` alone: Vue sets a prop as a property when the element has
// one) and listen with `@isc-navigate`. In a Vite + SFC project the template below goes in a
// .vue file and `isCustomElement` in vite.config.ts:
//   vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'integration-sync-card' } } })
import 'integration-sync-card/define';
import type { IscNavigateDetail, RecordRef, SyncDataProvider } from 'integration-sync-card';
import { defineComponent, type PropType } from 'vue';

export const isCustomElement = (tag: string) => tag === 'integration-sync-card';

export const SyncCard = defineComponent({
  name: 'SyncCard',
  props: {
    record: { type: Object as PropType<RecordRef>, required: true },
    provider: { type: Object as PropType<SyncDataProvider>, required: false },
    endpoint: { type: String, required: false },
  },
  emits: { navigate: (_event: CustomEvent<IscNavigateDetail>) => true },
  template: `
    <integration-sync-card
      :record.prop="record"
      :provider.prop="provider"
      :endpoint="endpoint"
      theme="auto"
      @isc-navigate="$emit('navigate', $event)"
    ></integration-sync-card>
  `,
});
