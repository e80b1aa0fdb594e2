// The Linux headers HardwareLinux needs (i2c-dev, libi2c, libgpiod v1), and the C macros Swift
// cannot import, re-exported as constants. Never copy ioctl numbers by hand.
#ifndef CSENSORBOX_LINUX_H
#define CSENSORBOX_LINUX_H

#include <linux/i2c.h>
#include <linux/i2c-dev.h>
#include <i2c/smbus.h>
#include <gpiod.h>

extern const unsigned long CSHIM_I2C_SLAVE;
extern const unsigned long CSHIM_I2C_SLAVE_FORCE;
extern const unsigned long CSHIM_I2C_FUNCS;
extern const unsigned long CSHIM_I2C_RDWR;
extern const unsigned long CSHIM_I2C_FUNC_I2C;
extern const unsigned long CSHIM_I2C_FUNC_SMBUS_READ_I2C_BLOCK;
extern const unsigned long CSHIM_I2C_FUNC_SMBUS_WRITE_I2C_BLOCK;
extern const unsigned short CSHIM_I2C_M_RD;
extern const unsigned int CSHIM_I2C_RDWR_IOCTL_MAX_MSGS;

#endif
