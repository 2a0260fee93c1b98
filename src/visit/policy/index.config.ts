export default definePageConfig({ navigationBarTitleText: '走访规则' });
