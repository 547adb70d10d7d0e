// A click as a user makes it: through the browser's own input (sendMouse), so the page gets a
// real user gesture (transient activation), which the clipboard requires in Firefox and WebKit.
import { resetMouse, sendMouse } from '@web/test-runner-commands';

export async function userClick(element: Element): Promise<void> {
  element.scrollIntoView({ block: 'center' });
  const box = element.getBoundingClientRect();
  await sendMouse({ type: 'click', position: [Math.round(box.left + box.width / 2), Math.round(box.top + box.height / 2)] });
  await resetMouse();
}
