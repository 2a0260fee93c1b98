export default definePageConfig({ navigationBarTitleText: '待办求助' });
