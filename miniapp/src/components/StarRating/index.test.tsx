import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import StarRating from '.';

function Harness({ onChange }: { onChange?: (score: number) => void }) {
  const [score, setScore] = useState(0);
  return (
    <StarRating
      value={score}
      onChange={(next) => {
        setScore(next);
        onChange?.(next);
      }}
    />
  );
}

describe('StarRating', () => {
  it('asks for a tap, then fills the stars up to the one tapped and says what it means', () => {
    const onChange = jest.fn();
    render(<Harness onChange={onChange} />);
    expect(screen.getByText('请点星星打分')).toBeInTheDocument();
    expect(screen.getAllByRole('radio')).toHaveLength(5);

    fireEvent.click(screen.getByRole('radio', { name: '4星 满意' }));
    expect(onChange).toHaveBeenCalledWith(4);
    expect(screen.getByText('4星 · 满意')).toBeInTheDocument();
    expect(screen.getAllByRole('radio').map((star) => star.textContent)).toEqual(['★', '★', '★', '★', '☆']);
    expect(screen.getByRole('radio', { name: '4星 满意' })).toHaveAttribute('aria-checked', 'true');

    fireEvent.click(screen.getByRole('radio', { name: '1星 很不满意' }));
    expect(screen.getByText('1星 · 很不满意')).toBeInTheDocument();
  });

  it('read-only stars show a given score and ignore taps', () => {
    const onChange = jest.fn();
    render(<StarRating value={5} readOnly onChange={onChange} />);
    fireEvent.click(screen.getByRole('radio', { name: '2星 不满意' }));
    expect(onChange).not.toHaveBeenCalled();
    expect(screen.getByText('5星 · 很满意')).toBeInTheDocument();
  });
});
