import type { Locator, Page } from 'playwright-core';

/**
 * Page helpers for the admin panel's screens: the work queue, its drawer and the action dialog.
 */

/** The drawer of one report, opened from its row in the queue. */
export async function openReportFromQueue(page: Page, serialNo: string): Promise<Locator> {
  const row = page.locator('.ant-table-row').filter({ hasText: serialNo }).first();
  await row.click();
  const drawer = page.locator('.ant-drawer-content').filter({ hasText: `事项 ${serialNo}` });
  await drawer.waitFor();
  return drawer;
}

/**
 * Takes one action from the drawer: its button, the dialog's text field when given, then OK
 * (twice for an action that cannot be undone: the first OK shows what will follow).
 */
export async function takeAction(page: Page, drawer: Locator, name: string, note?: string): Promise<void> {
  await drawer.getByRole('button', { name: new RegExp(`^${name.split('').join('\\s*')}$`) }).click();
  const dialog = page.locator('.ant-modal-content').filter({ hasText: name });
  await dialog.waitFor();
  if (note !== undefined) await dialog.locator('textarea').first().fill(note);
  const ok = dialog.locator('.ant-modal-footer .ant-btn-primary, .ant-modal-footer .ant-btn-dangerous').last();
  await ok.click();
  if (
    await ok
      .getByText('不可撤销')
      .isVisible()
      .catch(() => false)
  )
    await ok.click();
  await dialog.waitFor({ state: 'hidden' });
}
