import { act } from '@testing-library/react';
import { useEffect, useLayoutEffect } from 'react';
import { rehearse } from './rehearsal';

/** A screen that notes when it renders and when its effects run. */
function screenWith(notes: string[]) {
  return function Screen() {
    notes.push('render');
    useLayoutEffect(() => {
      notes.push('layout effect');
    });
    useEffect(() => {
      notes.push('effect');
    });
    return <p>工单列表</p>;
  };
}

describe('rehearse', () => {
  it('renders the tree but commits nothing: no effect runs and the page does not show it', async () => {
    const notes: string[] = [];
    const Screen = screenWith(notes);
    let stop: () => void = () => undefined;
    await act(async () => {
      stop = rehearse(<Screen />);
    });

    expect(notes).toContain('render');
    expect(notes).not.toContain('layout effect');
    expect(notes).not.toContain('effect');
    expect(document.body.textContent).not.toContain('工单列表');
    await act(async () => stop());
  });

  it('stops where it has got to: stopped before React reached it, the tree is never rendered', async () => {
    const notes: string[] = [];
    const Screen = screenWith(notes);
    await act(async () => {
      const stop = rehearse(<Screen />);
      stop();
    });

    expect(notes).toEqual([]);
  });
});
