export default definePageConfig({ navigationBarTitleText: '字号设置' });
