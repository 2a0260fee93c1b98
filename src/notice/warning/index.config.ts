export default definePageConfig({ navigationBarTitleText: '发布预警' });
