export default definePageConfig({ navigationBarTitleText: '找干部帮忙' });
