// Component tests run the H5 flavour of the app.
process.env.TARO_ENV = 'h5';
