export default definePageConfig({ navigationBarTitleText: '发放邀请码', enableShareAppMessage: true });
