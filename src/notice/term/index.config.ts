export default definePageConfig({ navigationBarTitleText: '节气农事' });
