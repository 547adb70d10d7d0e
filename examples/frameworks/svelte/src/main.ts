// The element is registered before Svelte renders, so Svelte sets `record` and `provider` as properties.
import 'integration-sync-card/define';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
