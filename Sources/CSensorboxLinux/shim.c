#include "CSensorboxLinux.h"

const unsigned long CSHIM_I2C_SLAVE = I2C_SLAVE;
const unsigned long CSHIM_I2C_SLAVE_FORCE = I2C_SLAVE_FORCE;
const unsigned long CSHIM_I2C_FUNCS = I2C_FUNCS;
const unsigned long CSHIM_I2C_RDWR = I2C_RDWR;
const unsigned long CSHIM_I2C_FUNC_I2C = I2C_FUNC_I2C;
const unsigned long CSHIM_I2C_FUNC_SMBUS_READ_I2C_BLOCK = I2C_FUNC_SMBUS_READ_I2C_BLOCK;
const unsigned long CSHIM_I2C_FUNC_SMBUS_WRITE_I2C_BLOCK = I2C_FUNC_SMBUS_WRITE_I2C_BLOCK;
const unsigned short CSHIM_I2C_M_RD = I2C_M_RD;
const unsigned int CSHIM_I2C_RDWR_IOCTL_MAX_MSGS = I2C_RDWR_IOCTL_MAX_MSGS;
