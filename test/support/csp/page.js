// Counts CSP violations before anything else runs, then loads the built CDN bundle.
window.__violations = [];
document.addEventListener('securitypolicyviolation', (event) => {
  window.__violations.push(`${event.violatedDirective}: ${event.blockedURI} ${event.sample}`);
});
await import('/dist/cdn/integration-sync-card.js');
window.__loaded = true;
