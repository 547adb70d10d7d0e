/// <reference types="vite/client" />
// Every story is a test: each story in stories/*.stories.ts is composed with the project's
// Storybook annotations, rendered in Chromium, its `play` run, and the result checked with
// axe-core. A new story file adds its tests by existing.
import { expect } from '@open-wc/testing';
import { resetMouse } from '@web/test-runner-commands';
import { setProjectAnnotations } from '@storybook/web-components';
import { emulateMedia, resetMedia } from './support/media.ts';
import type * as Axe from 'axe-core';
import 'axe-core/axe.min.js';
import { composeStories } from 'storybook/preview-api';
import * as preview from '../.storybook/preview.ts';

declare global {
  interface Window {
    axe: typeof Axe;
  }
}

interface ComposedStory {
  storyName: string;
  tags: string[];
  parameters: {
    colorScheme?: 'light' | 'dark';
    a11y?: { config?: { rules?: { id: string; enabled: boolean }[] }; options?: Axe.RunOptions };
  };
  run(context?: { canvasElement?: HTMLElement }): Promise<void>;
}

const annotations = setProjectAnnotations([preview]);
const storyFiles = import.meta.glob<Parameters<typeof composeStories>[0]>('../stories/*.stories.ts', { eager: true });

/** axe options as the Storybook a11y panel runs them: all rules except `region` (stories have no landmarks). */
function axeOptions(parameters: ComposedStory['parameters']): Axe.RunOptions {
  const rules: Axe.RuleObject = { region: { enabled: false } };
  for (const { id, enabled } of parameters.a11y?.config?.rules ?? []) rules[id] = { enabled };
  return { ...parameters.a11y?.options, rules: { ...rules, ...parameters.a11y?.options?.rules } };
}

function describeViolation(violation: Axe.Result): string {
  const targets = violation.nodes.map((node) => `${node.target.join(' >>> ')} (${node.failureSummary?.replace(/\s+/g, ' ')})`);
  return `${violation.id} [${violation.impact}]: ${violation.help}: ${targets.join('; ')}`;
}

async function renderAndCheck(Story: ComposedStory): Promise<void> {
  const canvasElement = document.createElement('div');
  document.body.append(canvasElement);
  try {
    // Renders with the project's decorators, then runs `play` (its expectations throw on failure).
    await Story.run({ canvasElement });
    await Promise.all([...canvasElement.querySelectorAll('integration-sync-card')].map((card) => card.updateComplete));
    const results = await window.axe.run(canvasElement, axeOptions(Story.parameters));
    expect(results.violations.map(describeViolation), 'axe violations').to.deep.equal([]);
  } finally {
    canvasElement.remove();
  }
}

before(async () => {
  await annotations.beforeAll?.();
});

// Stories hover with synthetic events (userEvent). The browser's real pointer, wherever an earlier
// test left it, is parked in the corner first: over a story's card, the pointer events an engine
// sends on a layout change would reach the card too.
beforeEach(() => resetMouse());

it('finds the story files', () => {
  expect(Object.keys(storyFiles)).to.not.be.empty;
});

for (const [path, storyFile] of Object.entries(storyFiles)) {
  describe(path.replace(/^\.\.\//, ''), () => {
    const stories = Object.entries(composeStories(storyFile, annotations) as Record<string, ComposedStory>);

    it('has stories', () => {
      expect(stories).to.not.be.empty;
    });

    for (const [name, Story] of stories) {
      if (Story.tags.includes('!test')) continue;

      it(`${name}: renders, plays, and has no axe violations`, () => renderAndCheck(Story));

      // A story that declares a colour scheme also runs with the browser in that scheme, so
      // the element's own `prefers-color-scheme` styles are checked, not only the decorator's.
      const scheme = Story.parameters.colorScheme;
      if (scheme) {
        it(`${name}: also with prefers-color-scheme: ${scheme}`, async function () {
          try {
            await emulateMedia(this, { colorScheme: scheme });
            await renderAndCheck(Story);
          } finally {
            await resetMedia();
          }
        });
      }
    }
  });
}
