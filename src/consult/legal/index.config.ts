export default definePageConfig({ navigationBarTitleText: '法律援助服务卡' });
