import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { useState } from 'react';
import { LocationSchema, type Location } from '@minqing/shared';
import { taroMock } from '../../../test/mocks/taro';
import LocationPicker, { locationFromChoice, withTypedAddress } from '.';

let latest: Location | null = null;

function Harness({ initial = null }: { initial?: Location | null }) {
  const [value, setValue] = useState<Location | null>(initial);
  return (
    <LocationPicker
      value={value}
      onChange={(next) => {
        latest = next;
        setValue(next);
      }}
    />
  );
}

beforeEach(() => {
  latest = null;
});
afterEach(() => {
  process.env.TARO_ENV = 'h5';
});

describe('LocationPicker in WeChat', () => {
  beforeEach(() => {
    process.env.TARO_ENV = 'weapp';
  });

  it('picks the point on the map (GCJ-02) and shows the chosen name and address', async () => {
    taroMock.chooseLocation.mockResolvedValueOnce({
      latitude: 32.8915,
      longitude: 108.5084,
      name: '五一村村委会',
      address: '陕西省安康市汉阴县城关镇',
    });
    render(<Harness />);
    expect(screen.queryByLabelText('详细地址')).not.toBeInTheDocument();
    fireEvent.click(screen.getByText('在地图上选点'));
    expect(await screen.findByText('📍 陕西省安康市汉阴县城关镇 五一村村委会')).toBeInTheDocument();
    expect(taroMock.chooseLocation).toHaveBeenCalled();
    expect(latest).toEqual({
      lat: 32.8915,
      lng: 108.5084,
      coordSystem: 'gcj02',
      address: '陕西省安康市汉阴县城关镇 五一村村委会',
    });
    expect(LocationSchema.safeParse(latest).success).toBe(true);
    fireEvent.click(screen.getByText('不填位置'));
    expect(latest).toBeNull();
  });

  it('says nothing when the villager closes the map, and asks for permission when refused', async () => {
    taroMock.chooseLocation.mockRejectedValueOnce({ errMsg: 'chooseLocation:fail cancel' });
    render(<Harness />);
    fireEvent.click(screen.getByText('在地图上选点'));
    await waitFor(() => expect(screen.getByText('在地图上选点')).not.toBeDisabled());
    expect(screen.queryByText(/请允许/)).not.toBeInTheDocument();
    taroMock.chooseLocation.mockRejectedValueOnce({ errMsg: 'chooseLocation:fail auth deny' });
    fireEvent.click(screen.getByText('在地图上选点'));
    expect(await screen.findByText('请允许使用位置信息后再试')).toBeInTheDocument();
    expect(screen.getByText('去设置')).toBeInTheDocument();
  });

  it('takes where the phone is in GCJ-02', async () => {
    taroMock.getLocation.mockResolvedValueOnce({ latitude: 32.89, longitude: 108.5 });
    render(<Harness />);
    fireEvent.click(screen.getByText('使用当前位置'));
    await waitFor(() => expect(latest).toEqual({ lat: 32.89, lng: 108.5, coordSystem: 'gcj02' }));
    expect(taroMock.getLocation).toHaveBeenLastCalledWith({ type: 'gcj02' });
  });
});

describe('LocationPicker in H5', () => {
  it('offers no map, and takes a typed address alone as the location', () => {
    render(<Harness />);
    expect(screen.queryByText('在地图上选点')).not.toBeInTheDocument();
    const input = screen.getByLabelText('详细地址');
    expect(input).toHaveAttribute('placeholder', '详细地址（如：五一村三组王家院子旁）');
    fireEvent.change(input, { target: { value: '五一村三组王家院子旁' } });
    expect(latest).toEqual({ address: '五一村三组王家院子旁' });
    expect(LocationSchema.safeParse(latest).success).toBe(true);
    expect(screen.getByLabelText('详细地址')).toHaveValue('五一村三组王家院子旁');
    fireEvent.change(input, { target: { value: '' } });
    expect(latest).toBeNull();
  });

  it('keeps the typed address beside the browser position, recorded as WGS-84', async () => {
    taroMock.getLocation.mockResolvedValueOnce({ latitude: 32.8915, longitude: 108.5084 });
    render(<Harness />);
    fireEvent.change(screen.getByLabelText('详细地址'), { target: { value: '王家院子旁' } });
    fireEvent.click(screen.getByText('使用当前位置'));
    await waitFor(() =>
      expect(latest).toEqual({ lat: 32.8915, lng: 108.5084, coordSystem: 'wgs84', address: '王家院子旁' }),
    );
    expect(taroMock.getLocation).toHaveBeenLastCalledWith({ type: 'wgs84' });
    expect(screen.getByText('📍 已记录您现在所在的位置')).toBeInTheDocument();
    // Typing again keeps the position.
    fireEvent.change(screen.getByLabelText('详细地址'), { target: { value: '王家院子东边' } });
    expect(latest).toEqual({ lat: 32.8915, lng: 108.5084, coordSystem: 'wgs84', address: '王家院子东边' });
    expect(LocationSchema.safeParse(latest).success).toBe(true);
  });

  it('says so when the browser cannot locate', async () => {
    taroMock.getLocation.mockRejectedValueOnce({ errMsg: 'getLocation:fail timeout' });
    render(<Harness />);
    fireEvent.click(screen.getByText('使用当前位置'));
    expect(await screen.findByText('没能获取您的位置，请稍后再试')).toBeInTheDocument();
    // The typed address still works.
    fireEvent.change(screen.getByLabelText('详细地址'), { target: { value: '村口' } });
    expect(latest).toEqual({ address: '村口' });
  });
});

describe('location helpers', () => {
  it('a chosen place: address and name once, clipped to 200', () => {
    expect(locationFromChoice({ latitude: 1, longitude: 2, name: '村委会', address: '五一村村委会' })).toEqual({
      lat: 1,
      lng: 2,
      coordSystem: 'gcj02',
      address: '五一村村委会',
    });
    expect(locationFromChoice({ latitude: 1, longitude: 2 })).toEqual({ lat: 1, lng: 2, coordSystem: 'gcj02' });
    expect(locationFromChoice({ latitude: 1, longitude: 2, address: '院'.repeat(300) }).address).toHaveLength(200);
  });

  it('a typed address beside a point, or alone', () => {
    const point: Location = { lat: 1, lng: 2, coordSystem: 'wgs84' };
    expect(withTypedAddress(point, '村口')).toEqual({ ...point, address: '村口' });
    expect(withTypedAddress({ ...point, address: '村口' }, '  ')).toEqual(point);
    expect(withTypedAddress(null, '村口')).toEqual({ address: '村口' });
    expect(withTypedAddress({ address: '村口' }, '')).toBeNull();
  });
});
