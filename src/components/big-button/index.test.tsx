import { fireEvent, render, screen } from '@testing-library/react';
import BigButton from './index';

describe('BigButton', () => {
  it('answers a tap', () => {
    const onTap = jest.fn();
    render(<BigButton onTap={onTap}>提交</BigButton>);
    fireEvent.click(screen.getByText('提交'));
    expect(onTap).toHaveBeenCalledTimes(1);
  });

  it('ignores taps while busy and says it is busy, since Taro H5 buttons fire when disabled', () => {
    const onTap = jest.fn();
    const { container } = render(
      <BigButton busy busyText="正在提交…" onTap={onTap}>
        提交
      </BigButton>,
    );
    fireEvent.click(screen.getByText('正在提交…'));
    expect(onTap).not.toHaveBeenCalled();
    expect(container.firstElementChild?.className).toContain('is-busy');
  });

  it('ignores taps when disabled', () => {
    const onTap = jest.fn();
    render(
      <BigButton disabled onTap={onTap}>
        提交
      </BigButton>,
    );
    fireEvent.click(screen.getByText('提交'));
    expect(onTap).not.toHaveBeenCalled();
  });

  it('carries its kind and a spoken label', () => {
    const { container } = render(
      <BigButton kind="danger" label="解除王秀兰的绑定" onTap={() => undefined}>
        解除绑定
      </BigButton>,
    );
    expect(container.firstElementChild?.className).toContain('danger');
    expect(screen.getByLabelText('解除王秀兰的绑定')).toBeTruthy();
  });
});
