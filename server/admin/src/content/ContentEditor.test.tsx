import { fireEvent, render, screen } from '@testing-library/react';
import { navigate } from '../nav';
import { ContentEditor } from './ContentEditor';

jest.mock('./contentApi', () => ({
  contentApi: { create: jest.fn(), patch: jest.fn(), publish: jest.fn(), get: jest.fn(), files: jest.fn() },
}));

beforeAll(() => {
  Range.prototype.getClientRects = () => [] as unknown as DOMRectList;
  Range.prototype.getBoundingClientRect = () => ({
    x: 0,
    y: 0,
    top: 0,
    left: 0,
    right: 0,
    bottom: 0,
    width: 0,
    height: 0,
    toJSON: () => ({}),
  });
});

const scope = [{ value: '610921100201', title: '五一村（本村(社区)）', children: [] }];

function openNew() {
  render(
    <ContentEditor
      kind="notice"
      id={null}
      scopeOptions={scope}
      defaultRegionCode="610921100201"
      regionName={() => '五一村'}
      onCreated={jest.fn()}
      onBack={jest.fn()}
    />,
  );
}

describe('the notice editor', () => {
  it('asks before leaving with unsaved changes, and not before', async () => {
    openNew();
    const title = await screen.findByPlaceholderText('请填写标题');
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    window.location.hash = '/notices?edit=new';
    navigate('queue');
    expect(confirm).not.toHaveBeenCalled();
    expect(window.location.hash).toBe('#/queue');

    window.location.hash = '/notices?edit=new';
    fireEvent.change(title, { target: { value: '停水通知' } });
    expect(await screen.findByText('有未保存的修改')).toBeInTheDocument();
    navigate('queue');
    expect(confirm).toHaveBeenCalledWith(expect.stringContaining('未保存'));
    expect(window.location.hash).toBe('#/notices?edit=new');
  });
});
