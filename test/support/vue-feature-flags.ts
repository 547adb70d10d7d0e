// Vue's esm-bundler build reads these compile-time flags from the global scope when no bundler
// defined them (the test server pre-bundles Vue as is). Imported before 'vue'.
const flags = globalThis as Record<string, unknown>;
flags.__VUE_OPTIONS_API__ = true;
flags.__VUE_PROD_DEVTOOLS__ = false;
flags.__VUE_PROD_HYDRATION_MISMATCH_DETAILS__ = false;
