import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import Taro from '@tarojs/taro';
import ImageUploader from './index';

const choose = Taro.chooseImage as jest.Mock;

beforeEach(() => choose.mockReset());

it('adds chosen photos up to the limit and asks only for what is left', async () => {
  choose.mockResolvedValue({ tempFilePaths: ['b.jpg', 'c.jpg'] });
  const onChange = jest.fn();
  render(<ImageUploader value={['a.jpg']} max={3} onChange={onChange} />);
  fireEvent.click(screen.getByText(/^添加照片/));
  await waitFor(() => expect(onChange).toHaveBeenCalledWith(['a.jpg', 'b.jpg', 'c.jpg']));
  expect(choose).toHaveBeenCalledWith(expect.objectContaining({ count: 2, sizeType: ['compressed'] }));
});

it('offers no add tile at the limit, and deletes one photo', () => {
  const onChange = jest.fn();
  render(<ImageUploader value={['a.jpg', 'b.jpg']} max={2} onChange={onChange} />);
  expect(screen.queryByText(/添加照片/)).toBeNull();
  fireEvent.click(screen.getByLabelText('删除第 1 张照片'));
  expect(onChange).toHaveBeenCalledWith(['b.jpg']);
});

it('says nothing when the person cancels, and explains a refusal', async () => {
  const onError = jest.fn();
  choose.mockRejectedValueOnce({ errMsg: 'chooseImage:fail cancel' });
  const { rerender } = render(<ImageUploader value={[]} max={3} onChange={jest.fn()} onError={onError} />);
  fireEvent.click(screen.getByText(/^添加照片/));
  await new Promise((r) => setTimeout(r, 0));
  expect(onError).not.toHaveBeenCalled();
  choose.mockRejectedValueOnce({ errMsg: 'chooseImage:fail auth deny' });
  rerender(<ImageUploader value={[]} max={3} onChange={jest.fn()} onError={onError} />);
  fireEvent.click(screen.getByText(/^添加照片/));
  await waitFor(() => expect(onError).toHaveBeenCalledWith(expect.stringContaining('权限')));
});
