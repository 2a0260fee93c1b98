import { act, fireEvent, render, screen } from '@testing-library/react';
import { FakeRecognition, installSpeechRecognition } from '../../../test/doubles/speech-recognition';
import VoiceButton from './index';

let remove: () => void = () => undefined;
afterEach(() => remove());

function open(onText = jest.fn()) {
  remove = installSpeechRecognition();
  const view = render(<VoiceButton field="心愿内容" onText={onText} />);
  return { ...view, onText };
}

describe('the voice button', () => {
  it('is not there where the browser cannot recognise speech', () => {
    const { container } = render(<VoiceButton field="心愿内容" onText={jest.fn()} />);
    expect(container.innerHTML).toBe('');
  });

  it('is a button that says what it does and where the words go', () => {
    open();
    expect(screen.getByRole('button', { name: '点我说话，说的话会写进心愿内容' }).textContent).toBe('点我说话');
  });

  it('listens after one tap, says so, and stops at the next tap', () => {
    open();
    fireEvent.click(screen.getByText('点我说话'));
    const recognition = FakeRecognition.latest();
    expect(recognition.start).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: '正在听…说完了点这里' })).toBeTruthy();

    fireEvent.click(screen.getByText('说完了点这里'));
    expect(recognition.stop).toHaveBeenCalled();
  });

  it('hands what was heard to the page, then is ready again', () => {
    const { onText } = open();
    fireEvent.click(screen.getByText('点我说话'));
    act(() => {
      FakeRecognition.latest().hear('孙子上学需要一个书包');
      FakeRecognition.latest().end();
    });
    expect(onText).toHaveBeenCalledWith('孙子上学需要一个书包');
    expect(screen.getByText('点我说话')).toBeTruthy();
  });

  it('says in Chinese what went wrong, until the next try', () => {
    open();
    fireEvent.click(screen.getByText('点我说话'));
    act(() => {
      FakeRecognition.latest().fail('no-speech');
      FakeRecognition.latest().end();
    });
    expect(screen.getByRole('alert').textContent).toBe('没有听到声音，请靠近手机再说一遍');
    fireEvent.click(screen.getByText('点我说话'));
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('stops the microphone when the page is left while listening', () => {
    const { unmount } = open();
    fireEvent.click(screen.getByText('点我说话'));
    unmount();
    expect(FakeRecognition.latest().stop).toHaveBeenCalled();
  });
});
