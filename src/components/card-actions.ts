import type { ReactiveControllerHost, TemplateResult } from 'lit';
import type { SyncActionsController, SyncActionsOptions } from './sync-actions.ts';
import type { CardActions } from './templates/card.ts';
import type { RenderContext } from './templates/context.ts';
import type { HistoryState } from './templates/history.ts';

/**
 * The cards' actions row (resync, history) for the templates. Its code (sync-actions.ts) loads on
 * first use: pointing at or focusing a row starts the download, so it is usually there by the
 * click, and pages that never act never download it.
 */
export class CardActionsLoader {
  private actions?: SyncActionsController;
  private renderHistory?: (ctx: RenderContext, history: HistoryState) => TemplateResult;
  private loading?: Promise<SyncActionsController>;

  constructor(
    private readonly host: ReactiveControllerHost & { readonly isConnected: boolean },
    private readonly options: SyncActionsOptions,
  ) {}

  /** What the templates read for each card's actions row, as of now. */
  forRender(): CardActions {
    const provider = this.options.provider();
    const actions = this.actions;
    return {
      canResync: !!provider?.resync,
      canShowHistory: !!provider?.getSyncHistory,
      resyncState: (syncId) => actions?.resyncState(syncId),
      historyState: (syncId) => actions?.historyState(syncId),
      renderHistory: this.renderHistory,
      resync: this.handleResync,
      toggleHistory: this.handleToggleHistory,
      prepare: this.handlePrepare,
    };
  }

  private readonly handleResync = (syncId: string) => void this.load().then((actions) => actions.resync(syncId));

  private readonly handleToggleHistory = (syncId: string) => void this.load().then((actions) => actions.toggleHistory(syncId));

  private readonly handlePrepare = () => void this.load();

  private load(): Promise<SyncActionsController> {
    return (this.loading ??= import('./sync-actions.ts').then(({ SyncActionsController, renderHistory }) => {
      this.renderHistory = renderHistory;
      return (this.actions = new SyncActionsController(this.host, this.options));
    }));
  }
}
