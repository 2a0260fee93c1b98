export default definePageConfig({ navigationBarTitleText: '家里有事' });
