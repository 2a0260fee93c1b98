export default definePageConfig({ navigationBarTitleText: '我认领的' });
