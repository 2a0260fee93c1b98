import Taro from '@tarojs/taro';
import { CloudError } from '../../services/cloud';

/**
 * Opens the ledger the function made. WeChat: download it and open it in the phone's viewer,
 * whose menu can send it on or open it in WPS. H5: an ordinary browser download.
 */
export async function openLedger(url: string, fileName: string): Promise<void> {
  if (process.env.TARO_ENV === 'h5') {
    const a = document.createElement('a');
    a.href = url;
    a.download = fileName;
    a.rel = 'noopener';
    document.body.appendChild(a);
    a.click();
    a.remove();
    return;
  }
  let file: { statusCode: number; tempFilePath: string };
  try {
    file = await Taro.downloadFile({ url });
  } catch {
    throw new CloudError('LEDGER.DOWNLOAD_FAILED', '台账没能下载，请检查网络后再试');
  }
  if (file.statusCode !== 200) throw new CloudError('LEDGER.DOWNLOAD_FAILED', '台账链接已过期，请重新导出');
  try {
    await Taro.openDocument({ filePath: file.tempFilePath, fileType: 'xlsx', showMenu: true });
  } catch {
    throw new CloudError('LEDGER.OPEN_FAILED', '手机打不开这个表格，请在电脑上用 Excel 或 WPS 打开');
  }
}
