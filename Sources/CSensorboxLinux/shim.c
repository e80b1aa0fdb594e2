#include "CSensorboxLinux.h"

#include <sys/ioctl.h>
#include <sys/prctl.h>
#include <sys/resource.h>

const unsigned long CSHIM_I2C_SLAVE = I2C_SLAVE;
const unsigned long CSHIM_I2C_SLAVE_FORCE = I2C_SLAVE_FORCE;
const unsigned long CSHIM_I2C_FUNCS = I2C_FUNCS;
const unsigned long CSHIM_I2C_RDWR = I2C_RDWR;
const unsigned int CSHIM_I2C_RDWR_IOCTL_MAX_MSGS = I2C_RDWR_IOCTL_MAX_MSGS;

const unsigned long CSHIM_I2C_FUNC_I2C = I2C_FUNC_I2C;
const unsigned long CSHIM_I2C_FUNC_SMBUS_WRITE_BYTE = I2C_FUNC_SMBUS_WRITE_BYTE;
const unsigned long CSHIM_I2C_FUNC_SMBUS_READ_I2C_BLOCK = I2C_FUNC_SMBUS_READ_I2C_BLOCK;
const unsigned long CSHIM_I2C_FUNC_SMBUS_WRITE_I2C_BLOCK = I2C_FUNC_SMBUS_WRITE_I2C_BLOCK;

const unsigned short CSHIM_I2C_M_RD = I2C_M_RD;
const unsigned int CSHIM_I2C_SMBUS_BLOCK_MAX = I2C_SMBUS_BLOCK_MAX;

const int CSHIM_TIME_ERROR = TIME_ERROR;
const int CSHIM_STA_UNSYNC = STA_UNSYNC;

const int CSHIM_GPIOD_LINE_EVENT_RISING_EDGE = GPIOD_LINE_EVENT_RISING_EDGE;
const int CSHIM_GPIOD_LINE_EVENT_FALLING_EDGE = GPIOD_LINE_EVENT_FALLING_EDGE;
const int CSHIM_GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE = GPIOD_LINE_REQUEST_FLAG_BIAS_DISABLE;
const int CSHIM_GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN = GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_DOWN;
const int CSHIM_GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP = GPIOD_LINE_REQUEST_FLAG_BIAS_PULL_UP;

int cshim_ioctl_value(int fd, unsigned long request, unsigned long value) {
    return ioctl(fd, request, value);
}

int cshim_ioctl_pointer(int fd, unsigned long request, void *argument) {
    return ioctl(fd, request, argument);
}

int cshim_disable_core_dumps(void) {
    struct rlimit none = { 0, 0 };
    if (setrlimit(RLIMIT_CORE, &none) != 0) return -1;
    return prctl(PR_SET_DUMPABLE, 0, 0, 0, 0);
}

int cshim_is_dumpable(void) {
    return prctl(PR_GET_DUMPABLE, 0, 0, 0, 0);
}
