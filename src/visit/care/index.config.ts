export default definePageConfig({ navigationBarTitleText: '关爱干部' });
