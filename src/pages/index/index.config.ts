export default definePageConfig({ navigationBarTitleText: '暖心驻村' });
